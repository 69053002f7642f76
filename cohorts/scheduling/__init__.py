"""A cohort's sessions over their life: created from a pattern (with UK bank holidays skipped
or flagged), moved, cancelled (kept and shown as cancelled), and the people told each time."""
