#!/usr/bin/env python3
"""A minimal OpenAI-compatible server with a fixed latency, for the fan-out benchmark.

Listens on 127.0.0.1 only. POST /v1/chat/completions answers a small fixed completion after
--latency-ms; GET /v1/models lists one model. HTTP/1.1 with keep-alive, one asyncio task per
connection, so hundreds of concurrent connections cost one thread. Standard library only.

    python3 bench/llm/latency_server.py --port 0 --latency-ms 200 --max-seconds 600

The first line on stdout is the port actually bound. The server exits by itself after
--max-seconds, and on SIGTERM or SIGINT.
"""
import argparse
import asyncio
import json
import signal
import sys
import time

MODEL = "latency-bench"
MAX_HEADER_BYTES = 64 * 1024
MAX_BODY_BYTES = 8 * 1024 * 1024


def completion_body(model):
    return json.dumps({
        "id": "chatcmpl-bench",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{
            "index": 0,
            "message": {"role": "assistant", "content": "OK"},
            "finish_reason": "stop",
        }],
        "usage": {"prompt_tokens": 12, "completion_tokens": 1, "total_tokens": 13},
    }, separators=(",", ":")).encode()


MODELS_BODY = json.dumps({
    "object": "list",
    "data": [{"id": MODEL, "object": "model", "owned_by": "bench"}],
}, separators=(",", ":")).encode()

REASONS = {200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed",
           413: "Payload Too Large"}


def response(status, body, keep_alive):
    head = (f"HTTP/1.1 {status} {REASONS.get(status, 'Error')}\r\n"
            "Content-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n"
            f"Connection: {'keep-alive' if keep_alive else 'close'}\r\n\r\n")
    return head.encode("ascii") + body


def error(message):
    return json.dumps({"error": {"message": message, "type": "invalid_request_error"}}).encode()


class Stats:
    def __init__(self):
        self.connections = 0
        self.open = 0
        self.peak_open = 0
        self.requests = 0


async def handle(reader, writer, latency, stats):
    stats.connections += 1
    stats.open += 1
    stats.peak_open = max(stats.peak_open, stats.open)
    try:
        while True:
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except (asyncio.IncompleteReadError, ConnectionError):
                return
            except asyncio.LimitOverrunError:
                writer.write(response(413, error("headers too large"), False))
                await writer.drain()
                return
            lines = head.decode("latin-1").split("\r\n")
            parts = lines[0].split(" ")
            if len(parts) != 3:
                writer.write(response(400, error("bad request line"), False))
                await writer.drain()
                return
            method, target, version = parts
            headers = {}
            for line in lines[1:]:
                if ":" in line:
                    name, value = line.split(":", 1)
                    headers[name.strip().lower()] = value.strip()
            length = int(headers.get("content-length", "0") or "0")
            if length > MAX_BODY_BYTES:
                writer.write(response(413, error("body too large"), False))
                await writer.drain()
                return
            body = await reader.readexactly(length) if length else b""
            connection = headers.get("connection", "").lower()
            keep_alive = connection != "close" and (version == "HTTP/1.1" or connection == "keep-alive")
            path = target.split("?", 1)[0]
            stats.requests += 1
            if path == "/v1/chat/completions":
                if method != "POST":
                    status, payload = 405, error("use POST")
                else:
                    try:
                        model = json.loads(body or b"{}").get("model", MODEL)
                    except (ValueError, AttributeError):
                        model = None
                    if model is None:
                        status, payload = 400, error("body is not a JSON object")
                    else:
                        await asyncio.sleep(latency)
                        status, payload = 200, completion_body(model)
            elif path == "/v1/models":
                status, payload = 200, MODELS_BODY
            else:
                status, payload = 404, error(f"no route {method} {path}")
            writer.write(response(status, payload, keep_alive))
            await writer.drain()
            if not keep_alive:
                return
    except ConnectionError:
        return
    finally:
        stats.open -= 1
        writer.close()


async def main(args):
    latency = args.latency_ms / 1000.0
    stats = Stats()
    server = await asyncio.start_server(
        lambda r, w: handle(r, w, latency, stats), "127.0.0.1", args.port,
        backlog=4096, limit=MAX_HEADER_BYTES, reuse_address=True)
    port = server.sockets[0].getsockname()[1]
    print(port, flush=True)
    print(f"latency_server: 127.0.0.1:{port}, latency {args.latency_ms} ms, "
          f"exits after {args.max_seconds} s", file=sys.stderr, flush=True)
    loop = asyncio.get_running_loop()
    stop = loop.create_future()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, lambda s=sig: stop.done() or stop.set_result(signal.Signals(s).name))
    loop.call_later(args.max_seconds, lambda: stop.done() or stop.set_result("time limit"))
    reason = await stop
    server.close()
    print(f"latency_server: stopping ({reason}); {stats.requests} requests on {stats.connections} "
          f"connections, at most {stats.peak_open} open at once", file=sys.stderr, flush=True)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1; 0 picks a free one")
    parser.add_argument("--latency-ms", type=float, default=200.0, help="delay before each chat answer")
    parser.add_argument("--max-seconds", type=float, default=600.0, help="exit after this long")
    args = parser.parse_args(argv)
    if args.latency_ms < 0 or args.max_seconds <= 0:
        parser.error("--latency-ms must be >= 0 and --max-seconds > 0")
    return args


if __name__ == "__main__":
    asyncio.run(main(parse_args(sys.argv[1:])))
