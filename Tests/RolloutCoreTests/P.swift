import XCTest
final class PRolloutCoreTests: XCTestCase { func testNothing() {} }
