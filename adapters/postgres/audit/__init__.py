"""Access-log room (issue 11): the append-only log of every access to subject data, its sealer,
verifier and signed checkpoints, and the registered names the free-text guard screens for."""
