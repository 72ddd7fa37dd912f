"""REST cases room: the confidential core's routes (cases, subjects, team, plan, notes, consent, access)."""
