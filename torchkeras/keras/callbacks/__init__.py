"""``keras.callbacks``: hooks into ``fit``/``evaluate``/``predict``."""

from ...api_export import fill_namespace as _fill_namespace

_fill_namespace(
    globals(),
    "keras.callbacks",
    ".backup_and_restore",
    ".callback",
    ".callback_list",
    ".csv_logger",
    ".early_stopping",
    ".history",
    ".lambda_callback",
    ".learning_rate_scheduler",
    ".model_checkpoint",
    ".progbar_logger",
    ".reduce_lr_on_plateau",
    ".tensorboard",
    ".terminate_on_nan",
)
