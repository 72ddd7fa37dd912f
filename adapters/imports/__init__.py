"""Import readers (issue 12): the spool of uploaded files and the readers that turn CSV, JSON
Lines and XLSX files into the canonical CSV the import pipeline COPYs (``readers.SpoolReaders``,
``spool.DiskSpool``). Streaming: memory holds one block whatever the file's size (XLSX: the
sheet, bounded by the zip guard)."""
