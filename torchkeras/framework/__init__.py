"""The tf core over torch: dtypes, Tensor, conversion, devices, errors."""
