import { Module } from '@nestjs/common';
import { ClientDocumentsController } from './client-documents.controller';
import { DeliverDocumentJob, SweepDocumentDeliveriesJob } from './delivery/document-delivery-jobs';
import { DocumentDelivery } from './delivery/document-delivery';
import { DocumentDeliveryQueue } from './delivery/document-delivery-queue';
import { DocumentsService } from './documents.service';
import { FolderDocumentsController } from './folder-documents.controller';
import { StorageModule } from './storage/storage.module';

/** Client documents (issue 12): the client's uploads, the firm's view, delivery to the accounting software. */
@Module({
  imports: [StorageModule],
  controllers: [FolderDocumentsController, ClientDocumentsController],
  providers: [
    DocumentsService,
    DocumentDelivery,
    DocumentDeliveryQueue,
    DeliverDocumentJob,
    SweepDocumentDeliveriesJob,
  ],
})
export class DocumentsModule {}
