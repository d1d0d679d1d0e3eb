/// One public service of the catalog (事项), with every column of the source list.
package struct Item: Codable, Equatable, Sendable {
    /// 序号, 1-based and unique.
    package var number: Int
    /// 事项名称, verbatim.
    package var name: String
    /// 业务领域, e.g. 社会保险 or 就业创业.
    package var area: String
    /// 办理深度: the verbatim text and its structured form.
    package var depth: Depth
    /// 责任单位.
    package var unit: String
    /// 责任科室: one or more sections (the source separates them with 、).
    package var sections: [String]
    /// 延伸情况: the id of the batch the item belongs to.
    package var batch: String
    /// 备注, verbatim; empty when the source has no remark.
    package var remarks: String
}
