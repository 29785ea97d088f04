"""A local stand-in for the OpenAI API: `POST /v1/chat/completions` answered over real HTTP in the
shapes OpenAI uses (a ChatCompletion, or an error object), so the real `openai` client talks to it.

    with FakeOpenAI() as fake:
        settings.OPENAI_BASE_URL = fake.base_url
        fake.mode = "bad_json"
        ...
        fake.requests  # every request received: path, headers (lower-case names), JSON body

Modes: `success` (the JSON of `answer` as the message content), `bad_json` (content that is not
JSON), `schema_violation` (JSON that breaks the intent schema), `error_500` (HTTP 500), `slow`
(answers only after `delay` seconds, so a short client timeout expires first, or at `release()`).
"""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GOOD_ANSWER = {
    "primary": "#2F9E6B",
    "secondary": None,
    "accent": "#F59E0B",
    "harmony": "analogous",
    "vibrancy": 0.55,
    "neutral": "warm",
    "font_pairing": "nunito",
    "type_scale": 1.2,
    "base_size": 17,
    "density": "spacious",
    "roundness": 0.8,
    "shadow_depth": 0.3,
}
MODEL_SNAPSHOT = "gpt-4o-mini-2024-07-18"


def chat_completion(content: str, *, model: str) -> dict:
    return {
        "id": "chatcmpl-fake123",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content, "refusal": None, "annotations": []},
                "logprobs": None,
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 412, "completion_tokens": 88, "total_tokens": 500},
        "service_tier": "default",
        "system_fingerprint": "fp_fake",
    }


class FakeOpenAI:
    def __init__(self):
        self.mode = "success"
        self.answer: dict = dict(GOOD_ANSWER)
        self.delay = 5.0
        self.requests: list[dict] = []
        self._released = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def __enter__(self):
        self._thread.start()
        return self

    def release(self) -> None:
        """Let every slow answer go now."""
        self._released.set()

    def start_and_wait_until_read(self, target) -> threading.Thread:
        """Run ``target`` in a thread; return once this provider is reading its request (or it has ended)."""
        thread = threading.Thread(target=target)
        thread.start()
        while not self.requests and thread.is_alive():
            time.sleep(0.01)
        return thread

    def __exit__(self, *exc):
        self.release()  # wake any slow answer
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    def _reply(self) -> tuple[int, dict]:
        if self.mode == "error_500":
            error = {"message": "The server had an error while processing your request.", "type": "server_error"}
            return 500, {"error": {**error, "param": None, "code": None}}
        if self.mode == "slow":
            self._released.wait(self.delay)
        if self.mode == "bad_json":
            return 200, chat_completion('{"primary_hue": 145, "mood": "calm",', model=MODEL_SNAPSHOT)
        if self.mode == "schema_violation":
            return 200, chat_completion(json.dumps({**self.answer, "font_pairing": "comic-sans"}), model=MODEL_SNAPSHOT)
        return 200, chat_completion(json.dumps(self.answer), model=MODEL_SNAPSHOT)

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                try:
                    body = json.loads(raw or b"{}")
                except ValueError:
                    body = {}
                headers = {name.lower(): value for name, value in self.headers.items()}
                fake.requests.append({"path": self.path, "headers": headers, "body": body})
                if self.path != "/v1/chat/completions":
                    status, reply = 404, {"error": {"message": "Unknown path", "type": "invalid_request_error"}}
                else:
                    status, reply = fake._reply()
                data = json.dumps(reply).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.send_header("x-request-id", f"req_fake{len(fake.requests)}")
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout) before the answer

        return Handler
