import XCTest
final class PRolloutCLITests: XCTestCase { func testNothing() {} }
