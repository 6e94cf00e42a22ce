#!/usr/bin/python3
# smtpd.py: a real SMTP server for the mail tests (Debian's python3-aiosmtpd).
#
#   smtpd.py DIR [--refuse ADDRESS]...
#
# Listens on a free loopback port, writes it to DIR/port when ready, and
# keeps each message it accepts as DIR/NNN.eml (the message as received)
# and DIR/NNN.rcpt (the envelope's recipients, one a line). An address
# given with --refuse is refused at RCPT TO with 550, as a server refuses
# a mailbox it does not have. Stops on SIGTERM.
import argparse
import asyncio
import os
import signal
import socket
import sys

from aiosmtpd.controller import Controller


class Keep:
    def __init__(self, out, refuse):
        self.out = out
        self.refuse = {a.lower() for a in refuse}
        self.n = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refuse:
            return "550 5.1.1 <%s>: no such mailbox here" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.n += 1
        base = os.path.join(self.out, "%03d" % self.n)
        with open(base + ".eml.part", "wb") as f:
            f.write(envelope.original_content)
        with open(base + ".rcpt", "w") as f:
            f.write("".join(r + "\n" for r in envelope.rcpt_tos))
        os.rename(base + ".eml.part", base + ".eml")
        return "250 Message accepted"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--refuse", action="append", default=[])
    a = ap.parse_args()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    c = Controller(Keep(a.dir, a.refuse), hostname="127.0.0.1", port=port)
    c.start()
    with open(os.path.join(a.dir, "port.part"), "w") as f:
        f.write("%d\n" % port)
    os.rename(os.path.join(a.dir, "port.part"), os.path.join(a.dir, "port"))
    signal.sigwait({signal.SIGTERM, signal.SIGINT})
    c.stop()
    return 0


if __name__ == "__main__":
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
    sys.exit(main())
