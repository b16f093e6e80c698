"""The `audit_report` asset: each document's audit report, built after its tables (`assets`)."""
