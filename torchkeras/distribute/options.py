"""``tf.distribute.experimental.CommunicationOptions``: how collectives run.  torch.distributed
chooses the implementation (NCCL on CUDA, gloo on the CPU); ``timeout_seconds`` becomes the
process group's collective timeout."""

import enum

from ..api_export import tf_export

__all__ = ["CommunicationImplementation", "CommunicationOptions"]


@tf_export(
    "distribute.experimental.CommunicationImplementation",
    "distribute.experimental.CollectiveCommunication",
)
class CommunicationImplementation(enum.Enum):
    """TF's collective implementations (accepted; torch chooses NCCL or gloo)."""

    AUTO = "AUTO"
    RING = "RING"
    NCCL = "NCCL"


@tf_export("distribute.experimental.CommunicationOptions")
class CommunicationOptions:
    """Options for collectives: ``bytes_per_pack`` (accepted), ``timeout_seconds`` (the
    collective timeout) and ``implementation``."""

    def __init__(
        self,
        bytes_per_pack=0,
        timeout_seconds=None,
        implementation=CommunicationImplementation.AUTO,
    ):
        if bytes_per_pack < 0:
            raise ValueError("bytes_per_pack must be non-negative")
        if isinstance(implementation, str):
            implementation = CommunicationImplementation(implementation.upper())
        self.bytes_per_pack = bytes_per_pack
        self.timeout_seconds = timeout_seconds
        self.implementation = implementation

    def __str__(self):
        return "Options(bytes_per_pack=%s,timeout_seconds=%s, implementation=%s)" % (
            self.bytes_per_pack,
            self.timeout_seconds,
            self.implementation,
        )
