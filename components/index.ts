// Registers every element. Elements are added by the elements issue.
export {};
