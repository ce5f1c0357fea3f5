"""The parser version: bump it whenever extraction output can change (it keys the disk cache)."""

PARSER_VERSION = "0.1.0"
