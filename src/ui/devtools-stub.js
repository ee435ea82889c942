// Stands in for react-devtools-core, which Ink only loads in development mode.
export default { connectToDevTools() {} };
