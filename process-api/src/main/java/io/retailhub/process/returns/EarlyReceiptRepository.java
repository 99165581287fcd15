package io.retailhub.process.returns;

import org.springframework.data.jpa.repository.JpaRepository;

interface EarlyReceiptRepository extends JpaRepository<EarlyReceipt, String> {
}
