// Work-order calendar contracts (PLACEHOLDER: land with their slice).
export {};
