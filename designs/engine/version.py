"""Engine version: bump when generated output changes for the same input."""

ENGINE_VERSION = "2.1.1"
