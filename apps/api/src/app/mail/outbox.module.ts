import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { OutboxAvailableMiddleware, OutboxController } from './outbox.controller';

@Module({ controllers: [OutboxController], providers: [OutboxAvailableMiddleware] })
export class OutboxModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(OutboxAvailableMiddleware).forRoutes(OutboxController);
  }
}
