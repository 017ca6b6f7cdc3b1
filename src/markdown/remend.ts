// remend, in a chunk of its own with a name: repair-tail.ts loads it as the page starts.
export { default } from 'remend';
