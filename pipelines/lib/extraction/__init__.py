"""One document's extraction, isolated: the per-document call and its result (`process`), the limited worker
processes it runs in (`isolation`), what runs inside them (`extractor`, `pdf_text`, `page_readers`), and the
extractions `dkbudget run` starts before its step (`ahead`)."""
