#!/bin/sh
# Issue 16.2, 16.9, 16.14, 16.27: what the server itself holds to. No
# request runs unbounded (a time limit answers 503 and frees the worker);
# one client cannot hold every connection, nor keep one by trickling a
# request head; the request log cannot be forged; two Content-Lengths that
# differ are refused.
. "$(dirname "$0")/lib.sh"
. "$SRCDIR/tests/e2e/lib-http.sh"

need_python3

wm init >/dev/null
wm sample >/dev/null
serve_start main --public --timeout 2 --max-per-address 8
serve_start quick --public --time-limit 0.000001
URL=$(cat main.url)
PORT=${URL##*:}

test_expect_success '16.2: a request over the time limit is answered 503 with Retry-After' '
	equals "$(CALL_URL=$(cat quick.url) call anon GET "/api/v1/reports/performance")" 503 &&
	contains msg.txt "longer than the server allows" &&
	test -n "$(header Retry-After)" &&
	equals "$(call anon GET "/api/v1/reports/performance")" 200
'

test_expect_success '16.27: two Content-Length headers that differ are answered 400' '
	python3 - "$PORT" >out <<-PY &&
	import socket, sys
	s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
	s.sendall(b"POST /api/v1/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
	          b"Content-Length: 2\r\nContent-Length: 40\r\n\r\n{}")
	print(s.recv(100).split(b"\r\n")[0].decode())
	PY
	contains out "400"
'

test_expect_success '16.9: a client trickling a request head is cut off after the timeout' '
	python3 - "$PORT" >out <<-PY &&
	import socket, sys, time
	s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
	head = b"GET /api/v1/me HTTP/1.1\r\nX-" + b"a" * 200
	for i in range(len(head)):
	    try:
	        s.sendall(head[i:i + 1])
	    except OSError:
	        print("cut off"); break
	    s.settimeout(0.2)
	    try:
	        if s.recv(100) == b"":
	            print("cut off"); break
	    except socket.timeout:
	        pass
	    except OSError:
	        print("cut off"); break
	else:
	    print("never cut off")
	PY
	contains out "cut off"
'

test_expect_success '16.9: one address holds at most --max-per-address connections' '
	python3 - "$PORT" >out <<-PY &&
	import socket, sys, time
	conns = [socket.create_connection(("127.0.0.1", int(sys.argv[1]))) for i in range(12)]
	time.sleep(0.5)
	closed = 0
	for c in conns:
	    c.settimeout(0.2)
	    try:
	        if c.recv(10) == b"":
	            closed += 1
	    except socket.timeout:
	        pass
	    except OSError:
	        closed += 1
	print("closed", closed)
	PY
	n=$(sed -n "s/^closed //p" out) &&
	test "$n" -ge 4 && test "$n" -lt 12 &&
	equals "$(call anon GET /api/v1/me)" 200
'

test_expect_success '16.14: a line break in a path cannot forge a line of the request log' '
	curl -s -o /dev/null "$URL/api/v1/units%0a2005-04-15T09:00:00Z%20203.0.113.9%20GET%20/admin%20200%20alice" &&
	! grep -q "^2005-04-15T09:00:00Z 203.0.113.9" main.log &&
	grep -q "units\\\\x0A2005" main.log
'

serve_stop main
test_expect_success 'and the server stops on SIGTERM' '
	equals "$(cat main.exit)" 0
'

test_done
