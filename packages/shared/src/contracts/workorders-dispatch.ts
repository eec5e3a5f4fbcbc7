// Work-order dispatch contracts (PLACEHOLDER: land with their slice).
export {};
