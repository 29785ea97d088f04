"""Engine version: bump when generated output changes for the same input."""

ENGINE_VERSION = "1.0.0"
