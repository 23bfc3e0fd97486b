"""``keras.utils.set_random_seed``."""

from __future__ import annotations

import random

import numpy as np
import torch
from ...api_export import keras_export

__all__ = ["set_random_seed"]


@keras_export("keras.utils.set_random_seed")
def set_random_seed(seed):
    """Seeds Python's ``random``, NumPy, torch and the tf global seed, as Keras does.

    ``tf.data`` shuffles without a seed draw from NumPy, so they become
    reproducible too.
    """
    if not isinstance(seed, int):
        raise ValueError(
            "Expected `seed` argument to be an integer. Received: seed=%s (of type %s)"
            % (seed, type(seed))
        )
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    from ... import random as tf_random

    set_seed = getattr(tf_random, "set_seed", None)
    if set_seed is not None:
        set_seed(seed)
