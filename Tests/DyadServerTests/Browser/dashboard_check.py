#!/usr/bin/env python3
"""Drives Dyad's dashboard in a real headless Chromium through the DevTools protocol.

Usage: dashboard_check.py CHROMIUM URL ARTICLE.txt DATE OUTPUT_DIR

Starts Chromium on a loopback debugging port, loads URL, types the article into the form,
presses the submit button with real mouse events, waits until the event rows and the dyad
chart's SVG bars appear, tabs through the page with the keyboard, and saves screenshots at a
laptop and a phone width. Prints one JSON object with what it found; exits 2 on a timeout.

Only the Python standard library: a minimal WebSocket client (RFC 6455, text frames) is below.
Every wait is bounded; the whole run stops itself after 150 seconds.
"""
import base64
import json
import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request

DEADLINE = time.monotonic() + 150


class WebSocket:
    """A WebSocket client for one ws://127.0.0.1 URL: masked text frames out, frames in."""

    def __init__(self, url):
        assert url.startswith("ws://")
        rest = url[5:]
        hostport, path = rest.split("/", 1)
        host, port = hostport.rsplit(":", 1)
        self.sock = socket.create_connection((host, int(port)), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (f"GET /{path} HTTP/1.1\r\nHost: {hostport}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
        self.sock.sendall(request.encode())
        response = b""
        while b"\r\n\r\n" not in response:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise RuntimeError("websocket handshake: connection closed")
            response += chunk
        head, self.buffer = response.split(b"\r\n\r\n", 1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise RuntimeError("websocket handshake refused: " + head.decode(errors="replace"))

    def send(self, text):
        payload = text.encode()
        header = bytearray([0x81])
        if len(payload) < 126:
            header.append(0x80 | len(payload))
        elif len(payload) < 65536:
            header.append(0x80 | 126)
            header += struct.pack(">H", len(payload))
        else:
            header.append(0x80 | 127)
            header += struct.pack(">Q", len(payload))
        mask = os.urandom(4)
        header += mask
        self.sock.sendall(bytes(header) + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def _read(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(max(65536, n - len(self.buffer)))
            if not chunk:
                raise RuntimeError("websocket closed")
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def receive(self):
        message = b""
        while True:
            first, second = self._read(2)
            opcode, length = first & 0x0F, second & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._read(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._read(8))[0]
            if second & 0x80:
                mask = self._read(4)
                payload = bytes(b ^ mask[i % 4] for i, b in enumerate(self._read(length)))
            else:
                payload = self._read(length)
            if opcode == 0x8:
                raise RuntimeError("websocket closed by the browser")
            if opcode in (0x9, 0xA):
                continue
            message += payload
            if first & 0x80:
                return message.decode()


class Page:
    """A DevTools session on one page target."""

    def __init__(self, url):
        self.ws = WebSocket(url)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        ident = self.next_id
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            if time.monotonic() > DEADLINE:
                raise TimeoutError(f"no answer to {method} in time")
            message = json.loads(self.ws.receive())
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def eval(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, seconds, what):
        until = min(DEADLINE, time.monotonic() + seconds)
        while time.monotonic() < until:
            if self.eval(expression):
                return True
            time.sleep(0.2)
        raise TimeoutError(f"timed out after {seconds} s waiting for {what}")

    def click(self, selector):
        box = self.eval(f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
            e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect();
            return [r.left + r.width / 2, r.top + r.height / 2]; }})()""")
        x, y = box
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def key(self, key, code, keycode, shift=False):
        modifiers = 8 if shift else 0
        text = "\r" if key == "Enter" else ""
        self.call("Input.dispatchKeyEvent", type="keyDown", key=key, code=code, windowsVirtualKeyCode=keycode,
                  modifiers=modifiers, text=text)
        self.call("Input.dispatchKeyEvent", type="keyUp", key=key, code=code, windowsVirtualKeyCode=keycode,
                  modifiers=modifiers)

    def screenshot(self, path, width, height, mobile):
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=mobile)
        time.sleep(0.5)
        full = self.eval("Math.ceil(document.documentElement.scrollHeight)")
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=min(int(full), 6000),
                  deviceScaleFactor=1, mobile=mobile)
        time.sleep(0.5)
        data = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)["data"]
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))
        shots = {"path": path, "width": width, "height": min(int(full), 6000),
                 "overflow": self.eval("document.documentElement.scrollWidth > window.innerWidth + 1")}
        # One picture per part of the page, at the screen's size, to look at.
        for name, selector in (("code", "#code"), ("results", "#code-result"), ("events", "#events"), ("dyad", "#dyad")):
            top = self.eval(f"document.querySelector({json.dumps(selector)}).getBoundingClientRect().top + window.scrollY")
            part = path.replace(".png", f"-{name}.png")
            clip = {"x": 0, "y": max(0, top - 8), "width": width, "height": height, "scale": 1}
            data = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True, clip=clip)["data"]
            with open(part, "wb") as file:
                file.write(base64.b64decode(data))
            shots[name] = part
        return shots


def main():
    chromium, url, article_path, date, output = sys.argv[1:6]
    os.makedirs(output, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="dyad-chromium-")
    process = subprocess.Popen(
        [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--metrics-recording-only", "--mute-audio",
         "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", f"--user-data-dir={profile}",
         "--window-size=1280,900", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    report = {}
    try:
        port_file = os.path.join(profile, "DevToolsActivePort")
        while not os.path.exists(port_file) or os.path.getsize(port_file) == 0:
            if process.poll() is not None:
                raise RuntimeError(f"chromium exited with status {process.returncode}")
            if time.monotonic() > DEADLINE - 120:
                raise TimeoutError("chromium did not open its debugging port in 30 s")
            time.sleep(0.1)
        time.sleep(0.2)
        port = int(open(port_file).read().split()[0])
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10))
        page_target = next(t for t in targets if t.get("type") == "page")
        page = Page(page_target["webSocketDebuggerUrl"])
        page.call("Page.enable")
        page.call("Runtime.enable")
        page.call("Emulation.setDeviceMetricsOverride", width=1280, height=900, deviceScaleFactor=1, mobile=False)
        page.call("Page.navigate", url=url)
        page.wait_for("document.readyState === 'complete' && !!document.getElementById('code-form')", 20, "the page")
        # The stored events load on their own.
        page.wait_for("document.querySelectorAll('#stored-events tbody tr.event-row').length > 0", 20, "stored events")
        report["stored_rows"] = page.eval("document.querySelectorAll('#stored-events tbody tr.event-row').length")

        # Keyboard: the first Tab reaches the skip link, the next ones the navigation links.
        page.eval("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
        focused = []
        for _ in range(4):
            page.key("Tab", "Tab", 9)
            focused.append(page.eval("""(() => { const e = document.activeElement;
                return e ? e.tagName.toLowerCase() + ':' + (e.textContent || e.id || '').trim().slice(0, 30) : ''; })()"""))
        report["tab_order"] = focused
        report["focus_outline"] = page.eval("getComputedStyle(document.activeElement).outlineStyle")

        # The article goes into the form as a person would put it: focus, insert the text, pick the date.
        text = open(article_path, encoding="utf-8").read()
        page.click("#code-text")
        page.call("Input.insertText", text=text)
        page.eval(f"document.getElementById('code-date').value = {json.dumps(date)}")
        report["textarea_length"] = page.eval("document.getElementById('code-text').value.length")
        page.click("#code-submit")
        page.wait_for("document.querySelectorAll('#code-events tbody tr.event-row').length > 0", 60, "coded event rows")
        page.wait_for("document.querySelectorAll('#dyad-chart svg rect.bar').length > 0", 30, "the dyad chart's bars")
        page.wait_for("document.querySelectorAll('#dyad-map svg circle.place-dot').length > 0 || "
                      "(document.getElementById('dyad-status').textContent || '').includes('events in')", 30, "the map")
        report["event_rows"] = page.eval("document.querySelectorAll('#code-events tbody tr.event-row').length")
        report["first_row"] = page.eval("document.querySelector('#code-events tbody tr.event-row').innerText")
        report["codes"] = page.eval("[...document.querySelectorAll('#code-events tbody tr.event-row td:nth-child(3) .code')].map(e => e.textContent)")
        report["sentences"] = page.eval("document.querySelectorAll('#code-sentences li').length")
        report["marks"] = page.eval("""(() => { const c = {}; for (const m of document.querySelectorAll('#code-sentences mark'))
            c[m.className] = (c[m.className] || 0) + 1; return c; })()""")
        report["chart_bars"] = page.eval("document.querySelectorAll('#dyad-chart svg rect.bar').length")
        report["goldstein_points"] = page.eval("document.querySelectorAll('#dyad-goldstein svg circle.dot').length")
        report["map_places"] = page.eval("document.querySelectorAll('#dyad-map svg circle.place-dot').length")
        report["dyad"] = page.eval("document.getElementById('d-source').value + '->' + document.getElementById('d-target').value")
        report["dyad_status"] = page.eval("document.getElementById('dyad-status').textContent")
        report["code_status"] = page.eval("document.getElementById('code-status').textContent")
        report["errors"] = page.eval("[...document.querySelectorAll('.status.error')].map(e => e.textContent)")
        # The "why" of the first event opens from the keyboard.
        page.eval("document.querySelector('#code-events details.why summary').focus()")
        page.key("Enter", "Enter", 13)
        report["why_open"] = page.eval("document.querySelector('#code-events details.why').open")

        page.eval("window.scrollTo(0, 0)")
        report["laptop"] = page.screenshot(os.path.join(output, "dashboard-laptop.png"), 1280, 800, False)
        report["phone"] = page.screenshot(os.path.join(output, "dashboard-phone.png"), 390, 844, True)
        report["ok"] = True
    except Exception as error:  # reported to the Swift test, which fails with it
        report["ok"] = False
        report["error"] = f"{type(error).__name__}: {error}"
    finally:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=10)
        except Exception:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except Exception:
                pass
        shutil.rmtree(profile, ignore_errors=True)
    print(json.dumps(report))
    return 0 if report.get("ok") else 2


if __name__ == "__main__":
    signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(TimeoutError("the whole run took over 170 s")))
    signal.alarm(170)
    sys.exit(main())
