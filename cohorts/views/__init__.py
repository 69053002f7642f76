"""The cohorts app's site pages (not the Wagtail admin), one module per area."""
