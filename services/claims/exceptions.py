"""Errors of the claims service, under one base class."""


class ClaimsError(Exception):
    """Base class for claims-service errors."""


class ArticleRefusedError(ClaimsError):
    """An article the extractor will not read (empty, or over the size limit); it is dead-lettered."""
