"""The `build_documents` step: `documents`, `tables`, `table_cells` and the domain tables of many PDFs in one step
(`assets`), the per-document work it runs in parallel (`batch`), and the checks over its outputs (`checks`)."""
