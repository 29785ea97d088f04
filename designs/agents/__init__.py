"""The MCP server for coding agents (`/mcp`): the same services as the API, as tools.

`tools` defines the server and its tools with the official `mcp` SDK; `endpoint` serves it at `/mcp`
beside the rest of the app, signed in with personal API keys only.
"""
