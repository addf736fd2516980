"""Exceptions raised by the placement database API."""


class PlacementException(Exception):
    """Base class; formats ``msg_fmt`` with the keyword arguments given."""

    msg_fmt = 'An unknown placement error occurred.'

    def __init__(self, message=None, **kwargs):
        self.kwargs = kwargs
        if not message:
            message = self.msg_fmt % kwargs
        super().__init__(message)


class NotFound(PlacementException):
    msg_fmt = 'Resource could not be found.'


class ConsumerNotFound(NotFound):
    msg_fmt = 'No consumer with UUID %(uuid)s.'


class ConsumerExists(PlacementException):
    msg_fmt = 'A consumer with UUID %(uuid)s already exists.'


class ConcurrentUpdateDetected(PlacementException):
    msg_fmt = ('Another thread concurrently updated the resource provider '
               'or consumer generation. Please retry your update.')


class InvalidFilter(PlacementException):
    msg_fmt = 'Invalid filter expression: %(expr)s.'
