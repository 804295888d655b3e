/** How much party search and group reads return at most (shared by the service and its edits). */

/** Contacts of an account / members of an organization read at most. */
export const MEMBER_LIMIT = 200;

/** Party search results shown at most; one more is requested to know there are more. */
export const SEARCH_LIMIT = 20;
