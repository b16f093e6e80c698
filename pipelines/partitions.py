"""One dynamic partition per PDF in the raw dir; the key is the file name."""
from __future__ import annotations

import dagster as dg

PDF_PARTITIONS_NAME = "pdf_files"
pdf_partitions = dg.DynamicPartitionsDefinition(name=PDF_PARTITIONS_NAME)
