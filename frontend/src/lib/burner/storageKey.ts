// Where the local burner wallet keeps its key (this origin's localStorage): read by the provider shim to answer
// start-up requests without loading the wallet, and by the wallet itself.
export const BURNER_KEY_STORAGE = "numi:local-burner-key";
