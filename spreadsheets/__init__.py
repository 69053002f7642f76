"""Spreadsheets in and out, for every app: reading an upload (`formats`: one reader per file
format, one error class), holding it between preview and confirm (`uploads`), and writing
formula-safe CSV and Excel downloads (`writer`). A plain package, not a Django app: it has no
models, views or templates."""
