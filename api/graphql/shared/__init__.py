"""The GraphQL shared kernel: problems, the domain-to-type mapping and resolver helpers every context uses."""
