/** Name material of the generated customer world (fictional companies and people). */

/** Accounts: holding companies first (index = parent index of the subsidiaries below). */
export const HOLDINGS = [
  'Northwind Holdings',
  'Contoso Group',
  'Globex Corporation',
  'Initech Industries',
  'Umbrella Health',
] as const;

/** Subsidiaries and stand-alone accounts: name and the index of their holding (-1: none). */
export const COMPANIES: readonly (readonly [string, number])[] = [
  ['Northwind Retail', 0],
  ['Contoso Pharmaceuticals', 1],
  ['Contoso Energy', 1],
  ['Globex Telecom', 2],
  ['Globex Manufacturing', 2],
  ['Initech Software', 3],
  ['Umbrella Diagnostics', 4],
  ['Stark Aerospace', -1],
  ['Wayne Financial', -1],
  ['Acme Corporation', -1],
  ['Cyberdyne Systems', -1],
  ['Tyrell Biotech', -1],
];

export const FIRST_NAMES = [
  'Aisha', 'Akira', 'Alejandro', 'Amara', 'Anders', 'Ana', 'Beatriz', 'Ben', 'Chen', 'Chloe',
  'Dmitri', 'Elif', 'Emeka', 'Emma', 'Farah', 'Felix', 'Grace', 'Hana', 'Hugo', 'Ines',
  'Isaac', 'Jana', 'Jonas', 'Kai', 'Kavya', 'Laila', 'Leo', 'Lucia', 'Malik', 'Marta',
  'Mateo', 'Mei', 'Nadia', 'Noah', 'Olga', 'Oren', 'Paolo', 'Quinn', 'Rafael', 'Rina',
  'Ruth', 'Samir', 'Sara', 'Sven', 'Tariq', 'Thea', 'Tomas', 'Uma', 'Victor', 'Wen',
  'Xavier', 'Yara', 'Yusuf', 'Zoe', 'Liam', 'Ingrid', 'Kofi', 'Priscilla', 'Rohan', 'Selma',
] as const; // prettier-ignore

export const LAST_NAMES = [
  'Abbott', 'Adeyemi', 'Andersen', 'Bauer', 'Brennan', 'Castillo', 'Chowdhury', 'Costa', 'Dubois', 'Eriksson',
  'Fischer', 'Fontaine', 'Garcia', 'Haddad', 'Hansen', 'Ibrahim', 'Ito', 'Jensen', 'Kaur', 'Kowalski',
  'Larsen', 'Lopez', 'Mensah', 'Moreau', 'Nakamura', 'Novak', 'Okafor', 'Olsen', 'Patel', 'Petrov',
  'Quintero', 'Rossi', 'Sato', 'Schmidt', 'Silva', 'Sokolova', 'Tanaka', 'Torres', 'Umarov', 'Varga',
  'Vogel', 'Wagner', 'Walsh', 'Weber', 'Xu', 'Yilmaz', 'Young', 'Zhang', 'Zimmerman', 'Nguyen',
] as const; // prettier-ignore

/** Products sold to companies. */
export const BUSINESS_PRODUCTS = [
  'Cloud Backup Pro',
  'Enterprise Support Plan',
  'Core Network Switch 48P',
  'Edge Router X200',
  'Managed Firewall Service',
  'Data Center Cooling Unit',
  'Industrial IoT Gateway',
  'Video Conferencing Suite',
  'Field Service Tablets',
  'Payroll Platform License',
  'MRI Scanner X5',
  'Warehouse Robotics Cell',
] as const;

/** Products sold to consumers. */
export const CONSUMER_PRODUCTS = [
  'Home Internet 500',
  'Mobile Plan Unlimited',
  'Smart Thermostat',
  'Home Security Kit',
  'Streaming TV Box',
  'Solar Panel Array',
  'Personal Loan',
  'Travel Insurance',
] as const;

export const SITES = [
  'Rotterdam',
  'Lyon',
  'Austin',
  'Osaka',
  'Nairobi',
  'Porto',
  'Gdansk',
  'Denver',
] as const;

/** Case subjects; `{product}` is replaced by the product concerned when there is one. */
export const CASE_SUBJECTS = [
  '{product} is not responding after the last update',
  'Request for an invoice correction',
  'Cannot sign in to the customer portal',
  '{product}: intermittent outage reported by users',
  'Question about renewal terms of {product}',
  'Change the billing address',
  '{product} shows error code E-42 on start-up',
  'Schedule preventive maintenance for {product}',
  'Refund request for a duplicate charge',
  'Add a new user to the account',
  '{product} performance degraded since Monday',
  'Shipment arrived damaged',
  'Upgrade {product} to the next tier',
  'Password reset link never arrives',
  'Warranty claim for {product}',
] as const;

export const CASE_STATES = ['new', 'open', 'open', 'awaiting_info', 'resolved', 'closed'] as const;
