"""``keras.mixed_precision``: dtype policies and loss scaling.

``set_global_policy("mixed_float16")`` (or ``"mixed_bfloat16"``) makes layers
created afterwards compute in float16 (bfloat16), casting their floating
inputs, while their variables stay float32; ``compile()`` then wraps the
optimizer in a :class:`LossScaleOptimizer` (float16 only), as Keras does.
"""
from ..optimizers.loss_scale_optimizer import LossScaleOptimizer
from .policy import DTypePolicy, Policy, dtype_policy, global_policy, set_dtype_policy, set_global_policy

__all__ = ["DTypePolicy", "LossScaleOptimizer", "Policy", "dtype_policy", "global_policy", "set_dtype_policy",
           "set_global_policy"]
