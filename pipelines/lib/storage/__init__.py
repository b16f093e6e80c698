"""Storage of the outputs in the clean dir: the contract's schemas (`schemas`), atomic parquet writing (`writer`),
the skip markers (`state`) and each document's `documents` rows (`documents_rows`)."""
