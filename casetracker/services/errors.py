"""Errors a caseworker can cause or meet through the services, in plain words."""


class ServiceError(Exception):
    """Base: the message is shown to the user as is."""


class NotFound(ServiceError):
    pass


class InvalidInput(ServiceError):
    pass
