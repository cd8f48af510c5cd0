"""The YAML loader: libyaml's C SafeLoader when pyyaml was built with it (10× faster), else the Python one.
Both are safe loaders: plain data only, never objects."""
import yaml

YAML_LADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
