"""``tf.errors``: TensorFlow's exception classes.

Constructed as in TF, ``InvalidArgumentError(node_def, op, message)``; ``str()``
gives the message.  Ops raise these where TF raises them, so user code that
catches ``tf.errors.InvalidArgumentError`` keeps working.
"""

from ..api_export import tf_export as _tf_export, export_value as _export_value

__all__ = [
    "OpError",
    "CancelledError",
    "UnknownError",
    "InvalidArgumentError",
    "DeadlineExceededError",
    "NotFoundError",
    "AlreadyExistsError",
    "PermissionDeniedError",
    "UnauthenticatedError",
    "ResourceExhaustedError",
    "FailedPreconditionError",
    "AbortedError",
    "OutOfRangeError",
    "UnimplementedError",
    "InternalError",
    "UnavailableError",
    "DataLossError",
]


@_tf_export("errors.OpError")
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
_export_value(CancelledError, "tf.errors.CancelledError")
UnknownError = _error("UnknownError", 2, "Unknown error.")
_export_value(UnknownError, "tf.errors.UnknownError")
InvalidArgumentError = _error(
    "InvalidArgumentError", 3, "An op received an invalid argument (bad shape, dtype or value)."
)
_export_value(InvalidArgumentError, "tf.errors.InvalidArgumentError")
DeadlineExceededError = _error("DeadlineExceededError", 4, "A deadline expired.")
_export_value(DeadlineExceededError, "tf.errors.DeadlineExceededError")
NotFoundError = _error("NotFoundError", 5, "A requested entity (file, device) was not found.")
_export_value(NotFoundError, "tf.errors.NotFoundError")
AlreadyExistsError = _error("AlreadyExistsError", 6, "An entity already exists.")
_export_value(AlreadyExistsError, "tf.errors.AlreadyExistsError")
PermissionDeniedError = _error("PermissionDeniedError", 7, "The caller lacks permission.")
_export_value(PermissionDeniedError, "tf.errors.PermissionDeniedError")
UnauthenticatedError = _error("UnauthenticatedError", 16, "The request lacks credentials.")
_export_value(UnauthenticatedError, "tf.errors.UnauthenticatedError")
ResourceExhaustedError = _error(
    "ResourceExhaustedError", 8, "A resource (such as device memory) is exhausted."
)
_export_value(ResourceExhaustedError, "tf.errors.ResourceExhaustedError")
FailedPreconditionError = _error(
    "FailedPreconditionError", 9, "The system is not in a state to run the op."
)
_export_value(FailedPreconditionError, "tf.errors.FailedPreconditionError")
AbortedError = _error("AbortedError", 10, "An operation was aborted.")
_export_value(AbortedError, "tf.errors.AbortedError")
OutOfRangeError = _error("OutOfRangeError", 11, "An iterator or index ran past its range.")
_export_value(OutOfRangeError, "tf.errors.OutOfRangeError")
UnimplementedError = _error("UnimplementedError", 12, "The op is not implemented for these inputs.")
_export_value(UnimplementedError, "tf.errors.UnimplementedError")
InternalError = _error("InternalError", 13, "An internal invariant broke.")
_export_value(InternalError, "tf.errors.InternalError")
UnavailableError = _error("UnavailableError", 14, "A service is unavailable.")
_export_value(UnavailableError, "tf.errors.UnavailableError")
DataLossError = _error("DataLossError", 15, "Unrecoverable data loss or corruption.")
_export_value(DataLossError, "tf.errors.DataLossError")


def invalid_argument(message):
    """Builds an ``InvalidArgumentError`` carrying ``message`` (eager form: no node, no op)."""
    return InvalidArgumentError(None, None, message)
