"""Forms for the cohorts app's own pages, one module per area (nominations, material...)."""
