extension Array {
    /// The `k` first elements in the order `less` defines, sorted: O(n log k) rather than a
    /// full sort, for picking a day's reviews out of a large collection.
    func smallest(_ k: Int, by less: (Element, Element) -> Bool) -> [Element] {
        guard k > 0 else { return [] }
        if count <= k { return sorted(by: less) }
        // A max-heap of the best k so far: its root is the worst of them.
        var heap: [Element] = []
        heap.reserveCapacity(k)
        for element in self {
            if heap.count < k {
                heap.append(element)
                var child = heap.count - 1
                while child > 0 {
                    let parent = (child - 1) / 2
                    guard less(heap[parent], heap[child]) else { break }
                    heap.swapAt(parent, child)
                    child = parent
                }
            } else if less(element, heap[0]) {
                heap[0] = element
                var parent = 0
                while true {
                    let left = 2 * parent + 1
                    guard left < k else { break }
                    let right = left + 1
                    let larger = right < k && less(heap[left], heap[right]) ? right : left
                    guard less(heap[parent], heap[larger]) else { break }
                    heap.swapAt(parent, larger)
                    parent = larger
                }
            }
        }
        return heap.sorted(by: less)
    }
}
