@testable import BatonServe
import Testing

@Suite struct RequestParserTests {
    func outcome(_ text: String, limits: RequestLimits = RequestLimits()) -> RequestParser.Outcome {
        RequestParser.parse(Array(text.utf8), limits: limits)
    }

    func status(_ text: String, limits: RequestLimits = RequestLimits()) -> Int? {
        if case .failure(let status, _) = outcome(text, limits: limits) { return status.code }
        return nil
    }

    @Test func aCompleteHeadIsParsed() throws {
        guard case .request(let request) = outcome("GET /design/a.baton?x=1 HTTP/1.1\r\nHost: localhost\r\nAccept:  text/html \r\n\r\n") else {
            Issue.record("not parsed")
            return
        }
        #expect(request.method == "GET")
        #expect(request.path == "/design/a.baton")
        #expect(request.query == "x=1")
        #expect(request.header("accept") == "text/html")
    }

    @Test func anIncompleteHeadWaitsForMore() {
        guard case .incomplete = outcome("GET / HTTP/1.1\r\nHost: x\r\n") else {
            Issue.record("expected incomplete")
            return
        }
    }

    @Test func boundsAreCheckedBeforeTheHeadEnds() {
        #expect(status("GET /" + String(repeating: "a", count: 9000)) == 414)
        #expect(status("GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\n\r\n") == 414)
        let many = (0..<70).map { "X-\($0): y\r\n" }.joined()
        #expect(status("GET / HTTP/1.1\r\n" + many) == 431)
        #expect(status("GET / HTTP/1.1\r\n" + many + "\r\n") == 431)
        let big = "GET / HTTP/1.1\r\nX: " + String(repeating: "b", count: 17000)
        #expect(status(big) == 431)
    }

    @Test(arguments: [
        "GET\r\n\r\n", "GET / HTTP/1.1 extra\r\n\r\n", "GET  / HTTP/1.1\r\n\r\n", "G(T / HTTP/1.1\r\n\r\n",
        "GET http://x/ HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nNo colon here\r\n\r\n", "GET / HTTP/1.1\r\nBad Name: x\r\n\r\n",
        "GET / HTTP/1.1\r\nA: b\r\n folded\r\n\r\n", "GET / HTTP/1.1\r\nA: b\u{1}c\r\n\r\n", "GET / FTP/1.0\r\n\r\n",
    ])
    func malformedRequestsAre400(_ text: String) {
        #expect(status(text) == 400)
    }

    @Test func otherVersionsAre505() {
        #expect(status("GET / HTTP/2.0\r\n\r\n") == 505)
    }
}
