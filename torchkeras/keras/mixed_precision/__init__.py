"""``keras.mixed_precision``: dtype policies and loss scaling.

``set_global_policy("mixed_float16")`` (or ``"mixed_bfloat16"``) makes layers
created afterwards compute in float16 (bfloat16), casting their floating
inputs, while their variables stay float32; ``compile()`` then wraps the
optimizer in a :class:`LossScaleOptimizer` (float16 only), as Keras does.
"""

from ...api_export import fill_namespace as _fill_namespace

_fill_namespace(globals(), "keras.mixed_precision", ".policy", "..optimizers.loss_scale_optimizer")
