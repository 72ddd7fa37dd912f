"""REST, agreements context: the agreement routes, the signed document's upload and download, DTOs."""
