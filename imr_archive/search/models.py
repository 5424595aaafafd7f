"""The search app keeps no tables: every index is derived from the letters app's rows."""
