"""``tf.errors``: TensorFlow's exception classes.

Constructed as in TF, ``InvalidArgumentError(node_def, op, message)``; ``str()``
gives the message.  Ops raise these where TF raises them, so user code that
catches ``tf.errors.InvalidArgumentError`` keeps working.
"""

__all__ = [
    "OpError", "CancelledError", "UnknownError", "InvalidArgumentError",
    "DeadlineExceededError", "NotFoundError", "AlreadyExistsError",
    "PermissionDeniedError", "UnauthenticatedError", "ResourceExhaustedError",
    "FailedPreconditionError", "AbortedError", "OutOfRangeError",
    "UnimplementedError", "InternalError", "UnavailableError", "DataLossError",
]


class OpError(Exception):
    """Base class of the errors an op raises (TF's ``tf.errors.OpError``)."""

    error_code = 2

    def __init__(self, node_def=None, op=None, message="", *args):
        super().__init__(message, *args)
        self._node_def = node_def
        self._op = op
        self._message = message

    @property
    def message(self):
        """The error message."""
        return self._message

    @property
    def op(self):
        """The op that failed (always ``None`` in eager mode, as in TF)."""
        return self._op

    @property
    def node_def(self):
        """The failing node's definition (``None`` in eager mode)."""
        return self._node_def

    def __str__(self):
        return self._message

    def __reduce__(self):
        return type(self), (self._node_def, self._op, self._message)


def _error(name, code, doc):
    return type(name, (OpError,), {"error_code": code, "__doc__": doc})


CancelledError = _error("CancelledError", 1, "An operation was cancelled.")
UnknownError = _error("UnknownError", 2, "Unknown error.")
InvalidArgumentError = _error("InvalidArgumentError", 3, "An op received an invalid argument (bad shape, dtype or value).")
DeadlineExceededError = _error("DeadlineExceededError", 4, "A deadline expired.")
NotFoundError = _error("NotFoundError", 5, "A requested entity (file, device) was not found.")
AlreadyExistsError = _error("AlreadyExistsError", 6, "An entity already exists.")
PermissionDeniedError = _error("PermissionDeniedError", 7, "The caller lacks permission.")
UnauthenticatedError = _error("UnauthenticatedError", 16, "The request lacks credentials.")
ResourceExhaustedError = _error("ResourceExhaustedError", 8, "A resource (such as device memory) is exhausted.")
FailedPreconditionError = _error("FailedPreconditionError", 9, "The system is not in a state to run the op.")
AbortedError = _error("AbortedError", 10, "An operation was aborted.")
OutOfRangeError = _error("OutOfRangeError", 11, "An iterator or index ran past its range.")
UnimplementedError = _error("UnimplementedError", 12, "The op is not implemented for these inputs.")
InternalError = _error("InternalError", 13, "An internal invariant broke.")
UnavailableError = _error("UnavailableError", 14, "A service is unavailable.")
DataLossError = _error("DataLossError", 15, "Unrecoverable data loss or corruption.")


def invalid_argument(message):
    """Builds an ``InvalidArgumentError`` carrying ``message`` (eager form: no node, no op)."""
    return InvalidArgumentError(None, None, message)
