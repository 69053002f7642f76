"""Reports: the cohort dashboard (`dashboard`, its filters in `forms`, its admin menu in
`menu`), a cohort's attendance grid with its rates (`grid`) and its CSV and Excel exports
(`exports`), attendance rates across a programme (`programme`), and a cohort's progress through
its programme's modules (`progress`)."""
