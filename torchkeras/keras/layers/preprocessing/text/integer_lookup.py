"""``keras.layers.IntegerLookup``: integers -> vocabulary indices (or back, with
``invert=True``)."""

from .index_lookup import IndexLookup
from .....api_export import keras_export

__all__ = ["IntegerLookup"]


@keras_export("keras.layers.IntegerLookup")
class IntegerLookup(IndexLookup):
    """Maps integers to indices through a vocabulary given as ``vocabulary`` or learned by
    ``adapt``.

    Index 0 is the mask token (when ``mask_token`` is set and
    ``output_mode='int'``), then ``num_oov_indices`` OOV buckets (``floormod``
    of the value, or FarmHash / SipHash of its decimal text with
    ``oov_method='farmhash'``, as in TF), then the vocabulary.  Outputs as
    ``StringLookup``'s.  Differences from Keras: ``sparse=True`` is refused.
    """

    def __init__(
        self,
        max_tokens=None,
        num_oov_indices=1,
        mask_token=None,
        oov_token=-1,
        vocabulary=None,
        vocabulary_dtype="int64",
        idf_weights=None,
        invert=False,
        output_mode="int",
        sparse=False,
        pad_to_max_tokens=False,
        oov_method="floormod",
        salt=None,
        name=None,
        **kwargs,
    ):
        if max_tokens is not None and max_tokens <= 1:
            raise ValueError(
                "If `max_tokens` is set for `IntegerLookup`, it must be greater than 1. Received: "
                "max_tokens=%s" % max_tokens
            )
        if num_oov_indices < 0:
            raise ValueError(
                "The value of `num_oov_indices` argument for `IntegerLookup` must >= 0. Received: "
                "num_oov_indices=%s" % num_oov_indices
            )
        if vocabulary_dtype != "int64":
            raise ValueError(
                "Only `vocabulary_dtype='int64'` is supported at this time. Received: "
                "vocabulary_dtype=%s" % vocabulary_dtype
            )
        super().__init__(
            max_tokens=max_tokens,
            num_oov_indices=num_oov_indices,
            mask_token=mask_token,
            oov_token=oov_token,
            vocabulary=vocabulary,
            vocabulary_dtype=vocabulary_dtype,
            idf_weights=idf_weights,
            invert=invert,
            output_mode=output_mode,
            sparse=sparse,
            pad_to_max_tokens=pad_to_max_tokens,
            oov_method=oov_method,
            salt=salt,
            name=name,
            **kwargs,
        )

    def get_config(self):
        config = super().get_config()
        for key in ("oov_token", "mask_token"):
            if config[key] is not None:
                config[key] = int(config[key])
        if config["vocabulary"] is not None:
            config["vocabulary"] = [int(v) for v in config["vocabulary"]]
        return config
