"""The auditor's view: a self-contained HTML report per document, built from the published parquet and the PDF.

`published` reads one document's rows, `page_images` renders the pages that hold a table, `totals` and `links`
say which cells a printed-total check and a domain row stand on, `audit_html` writes the page, `preview` the
Markdown summary shown in the Dagster UI, and `build` puts them together.
"""
